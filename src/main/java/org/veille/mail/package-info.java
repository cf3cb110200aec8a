/**
 * SMTP delivery of the newsletter, at most once per week and recipient: messages are composed from
 * what {@code digest} renders, sent one per recipient over Jakarta Mail (Angus), and every outcome
 * is written to the delivery ledger in the store before the next recipient.
 */
package org.veille.mail;
