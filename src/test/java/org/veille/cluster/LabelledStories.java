package org.veille.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled stories of {@code src/test/resources/clusters/}: versions of one story (same news
 * from different outlets) and different stories of one topic, each topic in the tuning or the
 * held-out half.
 */
record LabelledStories(List<Text> texts) {
  static final List<String> FILES = List.of("stories-1.txt", "stories-2.txt");

  /** One published text: {@code topic/story/version}, its language, split, title and body. */
  record Text(
      String topic,
      String story,
      String version,
      String lang,
      String split,
      String title,
      String body) {
    String key() {
      return topic + "/" + story + "/" + version;
    }
  }

  /** Two texts of one topic, and whether they are the same story. */
  record Pair(Text a, Text b, boolean same) {}

  static LabelledStories load() {
    List<Text> texts = new ArrayList<>();
    for (String f : FILES) {
      String s;
      try (InputStream in = LabelledStories.class.getResourceAsStream("/clusters/" + f)) {
        s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String[] head = null;
      StringBuilder body = new StringBuilder();
      for (String line : (s + "\n== end").split("\n")) {
        if (line.startsWith("== ")) {
          if (head != null) {
            String[] k = head[0].split("/");
            texts.add(
                new Text(k[0], k[1], k[2], head[1], head[2], head[3], body.toString().trim()));
          }
          if (line.equals("== end")) {
            break;
          }
          String[] parts = line.substring(3).split(" \\| ", 2);
          String[] w = parts[0].trim().split(" ");
          head = new String[] {w[0], w[1], w[2], parts[1]};
          body.setLength(0);
        } else if (head != null && !line.startsWith("#")) {
          body.append(line).append('\n');
        }
      }
    }
    return new LabelledStories(texts);
  }

  /** Every pair of texts of one topic within {@code split}. */
  List<Pair> pairs(String split) {
    List<Pair> out = new ArrayList<>();
    List<Text> in = texts.stream().filter(t -> t.split().equals(split)).toList();
    for (int i = 0; i < in.size(); i++) {
      for (int j = i + 1; j < in.size(); j++) {
        Text a = in.get(i);
        Text b = in.get(j);
        if (a.topic().equals(b.topic())) {
          out.add(new Pair(a, b, a.story().equals(b.story())));
        }
      }
    }
    return out;
  }
}
