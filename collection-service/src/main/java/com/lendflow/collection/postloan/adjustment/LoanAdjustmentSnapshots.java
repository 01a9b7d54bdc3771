package com.lendflow.collection.postloan.adjustment;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the audit record keeps of an adjustment: its terms and state, no personal data (ids and amounts only). */
final class LoanAdjustmentSnapshots {

    private LoanAdjustmentSnapshots() {
    }

    static Map<String, Object> of(LoanAdjustmentView a) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("loanId", a.loanId().toString());
        snapshot.put("kind", a.kind());
        snapshot.put("state", a.state());
        snapshot.put("extraPeriods", a.extraPeriods());
        snapshot.put("penalty", a.penalty());
        snapshot.put("interest", a.interest());
        snapshot.put("annualRate", a.annualRate());
        snapshot.put("maker", a.maker());
        snapshot.put("checker", a.checker());
        snapshot.put("scheduleVersion", a.scheduleVersion());
        snapshot.put("amount", a.amount());
        snapshot.put("refusalCode", a.refusalCode());
        return snapshot;
    }
}
