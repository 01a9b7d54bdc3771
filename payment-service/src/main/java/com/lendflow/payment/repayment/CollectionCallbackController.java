package com.lendflow.payment.repayment;

import com.lendflow.payment.channel.CallbackSignature;
import com.lendflow.payment.transfer.TransferCallbacks;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Collection outcomes and returned funds the channel calls back with: signed, applied once (see
 * {@link TransferCallbacks}).
 */
@RestController
class CollectionCallbackController {

    private final TransferCallbacks callbacks;
    private final RepaymentTransfers transfers;

    CollectionCallbackController(TransferCallbacks callbacks, RepaymentTransfers transfers) {
        this.callbacks = callbacks;
        this.transfers = transfers;
    }

    @PostMapping(path = "/callbacks/v1/channels/{channelName}/collections", consumes = "application/json")
    Map<String, Object> collectionSettled(@PathVariable String channelName,
                                          @RequestHeader(name = CallbackSignature.HEADER, required = false) String signed,
                                          @RequestBody byte[] body) {
        return callbacks.receive(channelName, signed, body, transfers.outcomes(), "Collection");
    }
}
