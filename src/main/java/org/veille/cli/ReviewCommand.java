package org.veille.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.veille.app.Review;
import org.veille.editorial.Draft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code veille review}: the week's draft of a newsletter as it will be sent, and the editor's
 * changes to it.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Show the draft of a week's newsletter exactly as it will be sent, with short numbers for its",
      "items and what changed since the last look. The subcommands change it; ITEM is a number or an id."
    },
    subcommands = {
      ReviewCommand.Pin.class,
      ReviewCommand.Hide.class,
      ReviewCommand.Move.class,
      ReviewCommand.Title.class,
      ReviewCommand.Summary.class,
      ReviewCommand.Add.class,
      ReviewCommand.Reset.class,
      ReviewCommand.Edito.class,
      ReviewCommand.Approve.class,
      ReviewCommand.Reopen.class
    })
final class ReviewCommand implements Callable<Integer> {
  @ParentCommand VeilleCommand root;
  @Spec CommandSpec spec;

  @Mixin Options.Letter letter;
  @Mixin Options.TextOrJson format;

  @Override
  public Integer call() throws Exception {
    Review.View v = review(root).show(letter.newsletter, letter.week, true);
    PrintWriter out = spec.commandLine().getOut();
    if (format.json()) {
      ReviewOutput.json(out, v);
    } else {
      ReviewOutput.text(out, v, root.context().config().settings().timezone());
    }
    return ExitCodes.OK;
  }

  static Review review(VeilleCommand root) {
    return new Review(root.context(), CrawlCommand.LOCK_WAIT, why -> {});
  }

  // ---- the edits ------------------------------------------------------------------------------

  /** What every edit shares: the parent (for the context), the letter's options, the output. */
  abstract static class Edit implements Callable<Integer> {
    @ParentCommand ReviewCommand parent;
    @Spec CommandSpec spec;
    @Mixin Options.Letter letter;

    abstract Review.View run(Review review) throws Exception;

    abstract String done(Review.View v);

    @Override
    public Integer call() throws Exception {
      Review.View v = run(review(parent.root));
      spec.commandLine()
          .getOut()
          .printf("%s (newsletter %s, week %s).%n", done(v), v.audience().id(), v.week());
      return ExitCodes.OK;
    }

    String newsletter() {
      return letter.newsletter != null ? letter.newsletter : parent.letter.newsletter;
    }

    String week() {
      return letter.week != null ? letter.week : parent.letter.week;
    }
  }

  /** An edit of one item of the draft: ITEM is its number in the draft or its id. */
  abstract static class OnItem extends Edit {
    @Parameters(index = "0", paramLabel = "ITEM")
    String item;
  }

  /** An edit that gives one item a text of the editor's (the words after ITEM, joined). */
  abstract static class ItemText extends OnItem {
    @Parameters(index = "1..*", paramLabel = "TEXT")
    List<String> words;

    String text() {
      return String.join(" ", words);
    }
  }

  @Command(
      name = "pin",
      mixinStandardHelpOptions = true,
      description =
          "Put an item at the top: into À la une, or with --section at the top of its section.")
  static final class Pin extends OnItem {
    @Option(names = "--section", description = "At the top of its section instead of À la une.")
    boolean section;

    @Override
    Review.View run(Review r) throws Exception {
      return r.pin(
          newsletter(), week(), item, section ? Draft.PinTo.SECTION : Draft.PinTo.HEADLINES);
    }

    @Override
    String done(Review.View v) {
      return "Pinned " + item + (section ? " to the top of its section" : " into À la une");
    }
  }

  @Command(
      name = "hide",
      mixinStandardHelpOptions = true,
      description = "Leave an item out of the letter.")
  static final class Hide extends OnItem {
    @Override
    Review.View run(Review r) throws Exception {
      return r.hide(newsletter(), week(), item);
    }

    @Override
    String done(Review.View v) {
      return "Hid " + item;
    }
  }

  @Command(
      name = "move",
      mixinStandardHelpOptions = true,
      description = "Put an item under another topic's section ('none': the last section).")
  static final class Move extends OnItem {
    @Parameters(index = "1", paramLabel = "TOPIC")
    String topic;

    @Override
    Review.View run(Review r) throws Exception {
      return r.move(newsletter(), week(), item, topic);
    }

    @Override
    String done(Review.View v) {
      return "Moved " + item + " to " + topic;
    }
  }

  @Command(
      name = "title",
      mixinStandardHelpOptions = true,
      description = "The item's title in this letter (the stored item keeps the source's).")
  static final class Title extends ItemText {
    @Override
    Review.View run(Review r) throws Exception {
      return r.title(newsletter(), week(), item, text());
    }

    @Override
    String done(Review.View v) {
      return "Retitled " + item;
    }
  }

  @Command(
      name = "summary",
      mixinStandardHelpOptions = true,
      description = "The item's summary in this letter (the stored item keeps the source's).")
  static final class Summary extends ItemText {
    @Override
    Review.View run(Review r) throws Exception {
      return r.summary(newsletter(), week(), item, text());
    }

    @Override
    String done(Review.View v) {
      return "New summary for " + item;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a stored item (by id) that the ranking left out.")
  static final class Add extends OnItem {
    @Override
    Review.View run(Review r) throws Exception {
      return r.add(newsletter(), week(), item);
    }

    @Override
    String done(Review.View v) {
      return "Added " + item + " as number " + v.numbers().get(item.trim());
    }
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description = "Undo every change made to an item.")
  static final class Reset extends OnItem {
    @Override
    Review.View run(Review r) throws Exception {
      return r.reset(newsletter(), week(), item);
    }

    @Override
    String done(Review.View v) {
      return "Undid the changes to " + item;
    }
  }

  @Command(
      name = "edito",
      mixinStandardHelpOptions = true,
      description = {
        "The introduction of the letter, in Markdown-lite: paragraphs, '- ' lists, **bold**, *italic*,",
        "[links](https://…). An empty TEXT removes it."
      })
  static final class Edito extends Edit {
    @Parameters(arity = "0..*", paramLabel = "TEXT")
    List<String> text;

    @Option(
        names = "--file",
        paramLabel = "F",
        description = "Read the édito from this file (UTF-8).")
    Path file;

    private String source() {
      if (file != null) {
        if (text != null && !text.isEmpty()) {
          throw new UsageException("give the édito as TEXT or with --file, not both");
        }
        try {
          return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
          throw new UsageException("--file " + file + ": file not found");
        } catch (IOException e) {
          throw new UsageException("--file " + file + ": cannot read it: " + e.getMessage());
        }
      }
      return text == null ? "" : String.join(" ", text);
    }

    @Override
    Review.View run(Review r) throws Exception {
      return r.edito(newsletter(), week(), source());
    }

    @Override
    String done(Review.View v) {
      return v.edito().isPresent() ? "Édito set" : "Édito removed";
    }
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approve the letter as it stands: send sends exactly this one.")
  static final class Approve extends Edit {
    @Override
    Review.View run(Review r) throws Exception {
      return r.approve(newsletter(), week());
    }

    @Override
    String done(Review.View v) {
      return "Approved: "
          + v.letter().shown().size()
          + " items; 'veille send' sends exactly this letter";
    }
  }

  @Command(
      name = "reopen",
      mixinStandardHelpOptions = true,
      description =
          "Open an approved or sent letter to changes again; nobody already served gets it twice.")
  static final class Reopen extends Edit {
    @Override
    Review.View run(Review r) throws Exception {
      return r.reopen(newsletter(), week());
    }

    @Override
    String done(Review.View v) {
      return "Reopened"
          + (v.served() > 0
              ? "; the " + v.served() + " recipients already served are not sent to again"
              : "");
    }
  }
}
