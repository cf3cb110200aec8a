/**
 * A crawl run: fetch → parse → store for every due source, hosts in parallel and each host politely
 * in turn, results written one source per transaction on a single writer thread. A failing source
 * becomes a status on that source; the run goes on.
 */
package org.veille.crawl;
