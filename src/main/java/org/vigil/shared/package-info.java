/**
 * The shared kernel: ids and the persistence base type. Kept tiny on purpose.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.vigil.shared;
