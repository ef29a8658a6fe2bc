package dev.seatlink.link;

import io.vertx.core.spi.logging.LogDelegate;
import org.tinylog.Level;
import org.tinylog.Logger;

/** One Vert.x logger's lines, said through tinylog at the level {@link VertxLogs#said} gives them. */
final class VertxLog implements LogDelegate {
    private final String name;

    VertxLog(String name) {
        this.name = name;
    }

    @Override
    public String implementation() {
        return "tinylog";
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public void error(Object message) {
        say(Level.ERROR, message, null);
    }

    @Override
    public void error(Object message, Throwable t) {
        say(Level.ERROR, message, t);
    }

    @Override
    public void warn(Object message) {
        say(Level.WARN, message, null);
    }

    @Override
    public void warn(Object message, Throwable t) {
        say(Level.WARN, message, t);
    }

    @Override
    public void info(Object message) {
        say(Level.INFO, message, null);
    }

    @Override
    public void info(Object message, Throwable t) {
        say(Level.INFO, message, t);
    }

    @Override
    public void debug(Object message) {
        say(Level.DEBUG, message, null);
    }

    @Override
    public void debug(Object message, Throwable t) {
        say(Level.DEBUG, message, t);
    }

    @Override
    public void trace(Object message) {
        say(Level.TRACE, message, null);
    }

    @Override
    public void trace(Object message, Throwable t) {
        say(Level.TRACE, message, t);
    }

    private boolean enabled(Level asked) {
        return switch (VertxLogs.said(name, asked)) {
            case TRACE -> Logger.isTraceEnabled();
            case DEBUG -> Logger.isDebugEnabled();
            case INFO -> Logger.isInfoEnabled();
            case WARN -> Logger.isWarnEnabled();
            case ERROR -> Logger.isErrorEnabled();
            case OFF -> false;
        };
    }

    private void say(Level asked, Object message, Throwable t) {
        String text = String.valueOf(message);
        switch (VertxLogs.said(name, asked)) {
            case TRACE -> Logger.trace(t, text);
            case DEBUG -> Logger.debug(t, text);
            case INFO -> Logger.info(t, text);
            case WARN -> Logger.warn(t, text);
            case ERROR -> Logger.error(t, text);
            case OFF -> {
                // never asked for
            }
        }
    }
}
