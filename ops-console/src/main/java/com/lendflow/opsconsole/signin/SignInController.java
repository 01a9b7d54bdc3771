package com.lendflow.opsconsole.signin;

import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff sign in here, not at the auth server: the browser may not hold the console's client secret,
 * so this server makes the staff-password grant for it and hands back only the staff member's own
 * short-lived access token, their name and roles. No session is kept here; the browser keeps the
 * token for the tab and sends it to the gateway, which checks it like any other.
 */
@RestController
class SignInController {

    private final StaffSignIn signIn;

    SignInController(StaffSignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping("/console/api/sessions")
    ResponseEntity<?> signIn(@Valid @RequestBody SignInRequest request) {
        StaffSignIn.Outcome outcome = signIn.signIn(request.username().strip(), request.password());
        return switch (outcome) {
            case StaffSignIn.SignedIn signedIn -> ResponseEntity.status(HttpStatus.CREATED)
                    .header("Cache-Control", "no-store").body(signedIn.session());
            case StaffSignIn.Refused refused -> {
                ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "bad-credentials", "Sign-in refused",
                        "the username or the password is not right");
                problem.setProperty("errors", List.of(new FieldViolation("password", "bad-credentials",
                        "the username or the password is not right")));
                yield ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
            }
            case StaffSignIn.Unavailable unavailable -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "auth-unavailable", "Sign-in unavailable",
                            "the auth server did not answer; try again in a moment"));
        };
    }

    record SignInRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }
}
