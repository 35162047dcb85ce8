/**
 * The billing engine: a pure function from facts to readiness, with no Spring and no database.
 *
 * <p>{@link org.vigil.billing.engine.BillingEngine#evaluate} takes one patient's
 * {@link org.vigil.billing.engine.Facts.Patient facts} (their enrollments, qualifying data days, billable minutes,
 * insurance, diagnoses and consents, dates already in the organization's time zone), the
 * {@link org.vigil.billing.engine.Catalog} (program versions keyed by date of service and rate tables), the
 * organization's {@link org.vigil.billing.engine.BillingPolicy}, a calendar month and today's date, and returns for
 * every enrollment and every code MET / NOT_MET / NOT_APPLICABLE / BLOCKED with the reason, the
 * shortfall in plain words with its deadline, units, the expected amount and the rate table that
 * priced it. Facts come from a {@link org.vigil.billing.engine.BillingFacts} source.
 *
 * <p>Rules and their sources: docs/billing.md; each is cited where it is encoded
 * ("verified" = shared/domain/billing-rules-verified.md, "domain" = shared/domain/billing-and-clinical-codes.md).
 */
package org.vigil.billing.engine;
