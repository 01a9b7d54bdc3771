package com.lendflow.loanorder.creditapplication;

/** What the saga must do after the application took a reply or a timeout. */
enum Reaction {
    /** Send the command of the application's current step. */
    SEND_COMMAND,
    /** Nothing to send; wait for the next reply (or the step's deadline). */
    WAIT,
    /** The application reached a final state: announce it. */
    CONCLUDE,
    /** The reply did not fit; nothing changed but the timeline. */
    IGNORED
}
