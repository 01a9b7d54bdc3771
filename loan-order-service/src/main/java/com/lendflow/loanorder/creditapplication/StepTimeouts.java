package com.lendflow.loanorder.creditapplication;

import java.time.Duration;

/** How long each step may wait for its reply, and how many times its command is sent before the step fails. */
interface StepTimeouts {

    Duration timeoutOf(Step step);

    int maxAttempts();
}
