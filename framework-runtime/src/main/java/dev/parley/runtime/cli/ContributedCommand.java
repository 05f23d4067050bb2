package dev.parley.runtime.cli;

/**
 * A {@code parley} subcommand that ships in another jar (the bench, in {@code parley-bench}) and joins the command
 * line when that jar is on the class path, so tooling stays out of the server jar. An implementation is a class
 * annotated with picocli's {@code @Command}, with a public no-argument constructor, listed in
 * {@code META-INF/services/dev.parley.runtime.cli.ContributedCommand}.
 */
public interface ContributedCommand {
}
