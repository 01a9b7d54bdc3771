package com.lendflow.collection.strategy;

/** One step of a strategy: on (contacts) or from (queues) {@code day} days past due, do {@code action}. */
public record Step(long id, String grade, String bucket, int day, String action, String templateCode, String agency) {

    public boolean contact() {
        return "SMS".equals(action) || "ROBO_CALL".equals(action);
    }

    /** The queue a queue step puts the case in. */
    public String queue() {
        return switch (action) {
            case "AGENT_QUEUE" -> "AGENT";
            case "SENIOR_QUEUE" -> "SENIOR";
            case "OUTSOURCE" -> "OUTSOURCE";
            default -> null;
        };
    }
}
