/**
 * {@code veille daemon}: thin Quartz adapters that run the use cases of {@code app} (the crawl and
 * the newsletter) on their cron schedules, never two runs of a job at once, catch up a missed run
 * at start, and stop cleanly on SIGTERM or SIGINT; each run is logged on one line and recorded in
 * {@code DATA_DIR/daemon.json} for {@code veille status}. Also judges cron expressions for the
 * config loader.
 */
package org.veille.schedule;
