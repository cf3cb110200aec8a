package org.veille.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML mapping with its position, read field by field. It remembers which keys were read so that
 * {@link #rejectUnknown()} can name any key left over, with its line.
 */
final class YamlMap {
  private final Path file;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> used = new LinkedHashSet<>();

  private YamlMap(Path file, String path, MappingNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
    for (NodeTuple t : node.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode key) {
        entries.put(key.getValue(), t);
      }
    }
  }

  static YamlMap of(Path file, Node node, String path) throws ConfigException {
    if (node instanceof MappingNode m) {
      return new YamlMap(file, path, m);
    }
    throw new ConfigException(file, line(node), path, "expected a mapping of 'key: value' lines");
  }

  int line() {
    return line(node);
  }

  private static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigException error(String key, String problem) {
    NodeTuple t = entries.get(key);
    int line = t == null ? line() : line(t.getValueNode());
    return new ConfigException(file, line, field(key), problem);
  }

  private Optional<Node> value(String key) {
    used.add(key);
    NodeTuple t = entries.get(key);
    if (t == null) {
      return Optional.empty();
    }
    Node v = t.getValueNode();
    if (v instanceof ScalarNode s && s.getTag().getValue().endsWith(":null")) {
      return Optional.empty();
    }
    return Optional.of(v);
  }

  Optional<String> string(String key) throws ConfigException {
    Optional<Node> v = value(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof ScalarNode s) {
      return Optional.of(s.getValue());
    }
    throw error(key, "expected a single value, not a list or mapping");
  }

  String requiredString(String key) throws ConfigException {
    Optional<String> s = string(key);
    if (s.isEmpty() || s.get().isBlank()) {
      throw error(key, "missing");
    }
    return s.get().trim();
  }

  Optional<Boolean> bool(String key) throws ConfigException {
    Optional<String> s = string(key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return switch (s.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> Optional.of(true);
      case "false", "no", "off" -> Optional.of(false);
      default -> throw error(key, "expected true or false (got '" + s.get() + "')");
    };
  }

  Optional<Integer> integer(String key, int min, int max) throws ConfigException {
    Optional<String> s = string(key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(s.get().trim());
      if (n < min || n > max) {
        throw error(key, "must be between " + min + " and " + max + " (got " + n + ")");
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      throw error(key, "expected a whole number (got '" + s.get() + "')");
    }
  }

  Optional<Double> number(String key) throws ConfigException {
    Optional<String> s = string(key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(s.get().trim()));
    } catch (NumberFormatException e) {
      throw error(key, "expected a number (got '" + s.get() + "')");
    }
  }

  List<String> strings(String key) throws ConfigException {
    Optional<Node> v = value(key);
    if (v.isEmpty()) {
      return List.of();
    }
    if (v.get() instanceof ScalarNode s) {
      return List.of(s.getValue());
    }
    if (!(v.get() instanceof SequenceNode seq)) {
      throw error(key, "expected a list");
    }
    List<String> out = new ArrayList<>();
    for (Node n : seq.getValue()) {
      if (!(n instanceof ScalarNode s)) {
        throw new ConfigException(file, line(n), field(key), "expected a list of values");
      }
      out.add(s.getValue());
    }
    return out;
  }

  Optional<YamlMap> map(String key) throws ConfigException {
    Optional<Node> v = value(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(of(file, v.get(), field(key)));
  }

  Optional<List<YamlMap>> list(String key) throws ConfigException {
    Optional<Node> v = value(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!(v.get() instanceof SequenceNode seq)) {
      throw error(key, "expected a list (each entry starting with '- ')");
    }
    List<YamlMap> out = new ArrayList<>();
    int i = 0;
    for (Node n : seq.getValue()) {
      out.add(of(file, n, field(key) + "[" + i++ + "]"));
    }
    return Optional.of(out);
  }

  List<YamlMap> requiredList(String key) throws ConfigException {
    return list(key).orElseThrow(() -> error(key, "missing: the config needs a 'sources' list"));
  }

  void rejectUnknown() throws ConfigException {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!used.contains(e.getKey())) {
        throw new ConfigException(
            file,
            line(e.getValue().getKeyNode()),
            field(e.getKey()),
            "unknown key (known here: " + String.join(", ", used) + ")");
      }
    }
  }
}
