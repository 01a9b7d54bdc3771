package com.lendflow.loanorder.drawdown;

import java.time.Duration;

/** How long each step may wait for its answer, and how many times it is tried before the drawdown fails. */
interface DrawdownTimeouts {

    Duration timeoutOf(DrawdownStep step);

    int maxAttempts();
}
