/**
 * Technical infrastructure shared by every module: the database (embedded PostgreSQL by default,
 * an external server when {@code SPRING_DATASOURCE_URL} is set) and the clock.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.vigil.infrastructure;
