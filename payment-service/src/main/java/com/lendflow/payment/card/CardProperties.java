package com.lendflow.payment.card;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lendflow.payment.cards.*}: card binding.
 *
 * @param maxWrongCodes wrong binding codes a card takes before it is locked
 */
@ConfigurationProperties("lendflow.payment.cards")
public record CardProperties(@DefaultValue("5") int maxWrongCodes) {
}
