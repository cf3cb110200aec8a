/**
 * {@code veille daemon}: thin Quartz adapters that run the crawl and the newsletter on their cron
 * schedules, never two runs of a job at once, catch up a missed run at start, and stop cleanly on
 * SIGTERM or SIGINT. The work itself is handed in as tasks; this package only schedules, logs and
 * records each run in {@code DATA_DIR/daemon.json} for {@code veille status}.
 */
package org.veille.schedule;
