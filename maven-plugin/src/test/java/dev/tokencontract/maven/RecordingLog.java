package dev.tokencontract.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps every line, prefixed with its level as Maven prints it. */
final class RecordingLog implements Log {
    final List<String> lines = new ArrayList<>();

    String text() {
        return String.join("\n", lines);
    }

    private void add(String level, CharSequence content) {
        lines.add("[" + level + "] " + content);
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(CharSequence content) {}

    @Override
    public void debug(CharSequence content, Throwable error) {}

    @Override
    public void debug(Throwable error) {}

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add("INFO", content);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add("INFO", content);
    }

    @Override
    public void info(Throwable error) {
        add("INFO", String.valueOf(error));
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add("WARNING", content);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add("WARNING", content);
    }

    @Override
    public void warn(Throwable error) {
        add("WARNING", String.valueOf(error));
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add("ERROR", content);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add("ERROR", content);
    }

    @Override
    public void error(Throwable error) {
        add("ERROR", String.valueOf(error));
    }
}
