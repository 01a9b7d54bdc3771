package com.lendflow.contracts.antifraud;

import com.lendflow.contracts.MessageType;
import java.util.List;
import java.util.UUID;

/**
 * The drawdown's fraud checks: {@code result} PASS or REJECT (no manual review at drawdown).
 */
public record DrawdownRiskAssessed(UUID drawdownId, String result, int score, List<String> firedRules) {

    public static final MessageType<DrawdownRiskAssessed> TYPE = MessageType.of("DrawdownRiskAssessed", 1, DrawdownRiskAssessed.class);
}
