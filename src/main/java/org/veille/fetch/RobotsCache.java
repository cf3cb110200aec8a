package org.veille.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * robots.txt rules per scheme, host and port, fetched once per run and parsed by crawler-commons. A
 * missing robots.txt (4xx) allows everything; a server error disallows the host for this run, as
 * RFC 9309 asks; a network failure allows, so that the fetch itself reports the real problem.
 */
final class RobotsCache {
  private final Fetcher fetcher;
  private final String agentName;
  private final ConcurrentMap<String, BaseRobotRules> rules = new ConcurrentHashMap<>();
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

  RobotsCache(Fetcher fetcher, String userAgent) {
    this.fetcher = fetcher;
    String product = userAgent.split("[/ ]", 2)[0];
    this.agentName = product.isBlank() ? "veille" : product.toLowerCase(Locale.ROOT);
  }

  boolean allowed(URI url) throws InterruptedException {
    String key = url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
    BaseRobotRules r = rules.get(key);
    if (r == null) {
      r = load(url);
      rules.put(key, r);
    }
    return r.isAllowed(url.toString());
  }

  private BaseRobotRules load(URI url) throws InterruptedException {
    URI robots = url.resolve("/robots.txt");
    FetchOutcome outcome = fetcher.fetchOnce(robots);
    if (outcome instanceof FetchOutcome.Fetched f) {
      return parser.parseContent(robots.toString(), f.body(), f.contentType(), List.of(agentName));
    }
    if (outcome instanceof FetchOutcome.Failed f && f.kind() == FetchOutcome.Kind.HTTP) {
      return parser.failedFetch(f.status());
    }
    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
  }
}
