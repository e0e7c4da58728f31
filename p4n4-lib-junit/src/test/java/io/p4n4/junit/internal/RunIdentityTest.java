package io.p4n4.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunIdentityTest {

    @Test
    void theCurrentJvmIsAlive() {
        RunIdentity me = RunIdentity.current();
        assertThat(RunIdentity.parse(me.value())).contains(me);
        assertThat(me.deadOnThisHost()).isFalse();
    }

    @Test
    void aPidThatNowNamesAnotherProcessIsDead() {
        RunIdentity me = RunIdentity.current();
        assertThat(new RunIdentity(me.host(), me.pid(), me.startMillis() - 60_000).deadOnThisHost()).isTrue();
    }

    @Test
    void aStartTimeReadASecondOffByAnotherJvmIsStillAlive() {
        RunIdentity me = RunIdentity.current();
        assertThat(new RunIdentity(me.host(), me.pid(), me.startMillis() + 1_000).deadOnThisHost()).isFalse();
        assertThat(new RunIdentity(me.host(), me.pid(), me.startMillis() - 1_000).deadOnThisHost()).isFalse();
        assertThat(new RunIdentity(me.host(), me.pid(),
                me.startMillis() - RunIdentity.START_TOLERANCE_MILLIS - 1).deadOnThisHost()).isTrue();
    }

    @Test
    void aPidWithNoProcessIsDead() {
        assertThat(new RunIdentity(RunIdentity.current().host(), Long.MAX_VALUE - 1, 1).deadOnThisHost()).isTrue();
    }

    @Test
    void runsOfAnotherHostAreNeverJudged() {
        assertThat(new RunIdentity("some-other-host", Long.MAX_VALUE - 1, 1).deadOnThisHost()).isFalse();
    }

    @Test
    void labelsNotWrittenByThisClassAreIgnored() {
        assertThat(RunIdentity.parse("whatever")).isEmpty();
        assertThat(RunIdentity.parse("h/not-a-pid/1")).isEmpty();
    }
}
