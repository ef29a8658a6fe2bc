package dev.seatlink.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlockedLoopTest {
    private static final StackTraceElement SLEEP = new StackTraceElement("java.lang.Thread", "sleep", null, -2);
    private static final StackTraceElement ALLOCATOR = new StackTraceElement(
            "io.netty.buffer.AdaptivePoolingAllocator$SizeClassedChunk", "remainingCapacity", "x.java", 1326);

    @Test
    void aLoopWaitingInANativeCallFailsAtTheLimit() {
        BlockedLoop held = warning(534, SLEEP);

        assertThat(held.thread()).isEqualTo("vert.x-eventloop-thread-0");
        assertThat(held.limitMs()).isEqualTo(500);
        assertThat(held.waiting()).isTrue();
        assertThat(held.fails()).isTrue();
    }

    @Test
    void aLoopInJavaCodeBrieflyPastTheLimitWasWaitingForACoreAndDoesNotFail() {
        BlockedLoop held = warning(534, ALLOCATOR);

        assertThat(held.waiting()).isFalse();
        assertThat(held.fails()).isFalse();
    }

    @Test
    void aLoopLoadingAClassIsWarmingUpAndFailsOnlyPastVertxsOwnLimit() {
        StackTraceElement read = new StackTraceElement("java.io.FileInputStream", "readBytes", null, -2);
        StackTraceElement load = new StackTraceElement("java.lang.ClassLoader", "loadClass", "ClassLoader.java", 525);

        assertThat(warning(710, read, load).waiting()).isFalse();
        assertThat(warning(710, read, load).fails()).isFalse();
        assertThat(warning(BlockedLoop.COMPUTING_LIMIT_MS, read, load).fails()).isTrue();
    }

    @Test
    void aLoopReadingATypesMembersForItsFirstSerializationIsWarmingUp() {
        // seen with five test JVMs on two cores: 529 ms in Jackson's first look at a type
        StackTraceElement members = new StackTraceElement("java.lang.Class", "getDeclaredMethods0", null, -2);
        StackTraceElement annotations = new StackTraceElement("sun.reflect.annotation.AnnotationType", "<init>",
                "AnnotationType.java", 110);
        StackTraceElement jackson = new StackTraceElement("com.fasterxml.jackson.databind.util.ClassUtil",
                "findClassAnnotations", "ClassUtil.java", 1287);

        assertThat(warning(529, members, annotations, jackson).fails()).isFalse();
        assertThat(warning(BlockedLoop.COMPUTING_LIMIT_MS, members, annotations, jackson).fails()).isTrue();
    }

    @Test
    void aLoopInJavaCodePastVertxsOwnLimitFails() {
        assertThat(warning(BlockedLoop.COMPUTING_LIMIT_MS, ALLOCATOR).fails()).isTrue();
    }

    @Test
    void otherLogLinesAreNotWarnings() {
        assertThat(BlockedLoop.of("connected to tcp://127.0.0.1:1883", null)).isEmpty();
        assertThat(BlockedLoop.of(null, null)).isEmpty();
    }

    private static BlockedLoop warning(long heldMs, StackTraceElement... frames) {
        Exception stack = new Exception("Thread blocked");
        stack.setStackTrace(frames);
        return BlockedLoop.of("Thread vert.x-eventloop-thread-0 has been blocked for " + heldMs
                + " ms, time limit is 500 ms", stack).orElseThrow();
    }
}
