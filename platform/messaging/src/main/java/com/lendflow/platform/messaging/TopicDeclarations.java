package com.lendflow.platform.messaging;

import com.lendflow.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Topics a service produces to or consumes from, each with its dead-letter topic. Both sides
 * declare what they use, so a consumer that starts first does not wait minutes for metadata.
 * Creating a topic that exists changes nothing.
 */
public final class TopicDeclarations {

    private TopicDeclarations() {
    }

    public static KafkaAdmin.NewTopics of(int partitions, String... topics) {
        List<NewTopic> declared = new ArrayList<>();
        for (String topic : topics) {
            declared.add(new NewTopic(topic, Optional.of(partitions), Optional.empty()));
            declared.add(new NewTopic(Topics.deadLetterOf(topic), Optional.of(1), Optional.empty()));
        }
        return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
    }
}
