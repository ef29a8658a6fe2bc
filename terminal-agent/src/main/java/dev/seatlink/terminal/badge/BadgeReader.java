package dev.seatlink.terminal.badge;

/** A badge reader at the seat: started once with whom to tell, closed with the terminal. */
public interface BadgeReader extends AutoCloseable {
    /** No reader: the seat's config names its agent. */
    BadgeReader NONE = new BadgeReader() {
        @Override
        public void start(BadgeListener listener) {
        }

        @Override
        public void close() {
        }
    };

    void start(BadgeListener listener);

    @Override
    void close();
}
