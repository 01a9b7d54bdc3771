package com.lendflow.payment.disbursement;

import com.lendflow.payment.transfer.ChannelTransfers;

/** Disbursements, found and locked as the transfer core does; a card's and the channel's committed amounts. */
interface Disbursements extends ChannelTransfers<Disbursement> {
}
