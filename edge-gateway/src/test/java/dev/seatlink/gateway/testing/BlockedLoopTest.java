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
    void aHandlerWritingAFileOrSqliteOnTheLoopFailsAtTheLimit() {
        StackTraceElement handler = new StackTraceElement("dev.seatlink.gateway.store.Journal", "append", "J.java", 1);

        assertThat(warning(534, frame("sun.nio.ch.FileDispatcherImpl", "write0", true),
                frame("sun.nio.ch.FileChannelImpl", "write", false), handler).fails()).isTrue();
        assertThat(warning(534, frame("org.sqlite.core.NativeDB", "step", true), handler).fails()).isTrue();
    }

    @Test
    void nettyWritingToItsNonBlockingSocketWasWaitingForACoreAndFailsOnlyPastVertxsOwnLimit() {
        // seen in CI: 542 ms in the write of an MQTT client's CONNECT while two test JVMs shared two cores
        StackTraceElement[] write = {frame("sun.nio.ch.FileDispatcherImpl", "write0", true),
                frame("sun.nio.ch.SocketChannelImpl", "write", false),
                frame("io.netty.channel.socket.nio.NioSocketChannel", "doWrite", false),
                frame("io.vertx.core.net.impl.VertxConnection", "write", false)};

        assertThat(warning(542, write).waiting()).isFalse();
        assertThat(warning(542, write).fails()).isFalse();
        assertThat(warning(BlockedLoop.COMPUTING_LIMIT_MS, write).fails()).isTrue();
    }

    @Test
    void aHandlerAwaitingANettyPromiseIsWaiting() {
        assertThat(warning(534, frame("java.lang.Object", "wait", true),
                frame("io.netty.util.concurrent.DefaultPromise", "await", false),
                frame("dev.seatlink.gateway.link.BrokerLink", "connect", false)).fails()).isTrue();
    }

    @Test
    void aNativeCallThatComputesIsNotWaiting() {
        // seen in CI: 630 ms linking a string concatenation while a router was built in a verticle's start
        StackTraceElement[] linking = {frame("java.lang.reflect.Array", "newArray", true),
                frame("java.lang.invoke.StringConcatFactory", "makeConcatWithConstants", false),
                frame("io.vertx.ext.web.impl.RouteImpl", "createPatternRegex", false)};

        assertThat(warning(630, linking).waiting()).isFalse();
        assertThat(warning(630, linking).fails()).isFalse();
        assertThat(warning(630, frame("java.lang.Object", "hashCode", true)).fails()).isFalse();
        assertThat(warning(630, frame("java.lang.Object", "wait", true)).fails()).isTrue();
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

    private static StackTraceElement frame(String type, String method, boolean nativeMethod) {
        return new StackTraceElement(type, method, nativeMethod ? null : type + ".java", nativeMethod ? -2 : 1);
    }

    private static BlockedLoop warning(long heldMs, StackTraceElement... frames) {
        Exception stack = new Exception("Thread blocked");
        stack.setStackTrace(frames);
        return BlockedLoop.of("Thread vert.x-eventloop-thread-0 has been blocked for " + heldMs
                + " ms, time limit is 500 ms", stack).orElseThrow();
    }
}
