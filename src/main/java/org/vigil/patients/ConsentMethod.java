package org.vigil.patients;

/** How consent was given; CMS accepts verbal or written consent if it is documented. */
public enum ConsentMethod {
    VERBAL,
    WRITTEN,
    ELECTRONIC
}
