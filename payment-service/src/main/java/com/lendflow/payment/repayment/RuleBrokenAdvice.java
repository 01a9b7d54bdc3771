package com.lendflow.payment.repayment;

import com.lendflow.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link RuleBroken} as a 422 problem with the same {@code errors} list a 400 carries. */
@RestControllerAdvice(assignableTypes = RepaymentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleBrokenAdvice {

    @ExceptionHandler(RuleBroken.class)
    ResponseEntity<ProblemDetail> ruleBroken(RuleBroken broken) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "rule-broken", "Request breaks a rule",
                broken.getMessage());
        problem.setProperty("errors", broken.violations());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Problems.withRequestId(problem));
    }
}
