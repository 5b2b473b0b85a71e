package fr.pasdecalais.habitat.aap.call;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the call already told its dossiers, for a dossier that arrives late at a message wait
 * (docs/architecture.md, "Message waits and how each is protected").
 *
 * <p>A sender ({@code conveneJury}, {@code awardAndNotify}) locks the call's row, records the fact
 * and correlates its message to the dossiers waiting; a receiver locks the same row in the
 * transaction that brings its dossier to the wait, then reads the fact. The lock orders the two
 * transactions: either the sender committed first and the receiver finds the fact (and skips the
 * wait), or the receiver committed first and the sender, reading after the lock, finds it waiting.
 * A message is never sent into the gap, and never caught twice.
 */
@Service
public class CallArrivals {

  private final CallRepository calls;
  private final JurySessionRepository sessions;

  public CallArrivals(CallRepository calls, JurySessionRepository sessions) {
    this.calls = calls;
    this.sessions = sessions;
  }

  /** What {@code Message_JuryConvened} carries, read from the session recorded by "Convoquer le jury". */
  public record ConvenedSession(Long jurySessionId, List<String> juryMembers, Date opinionDeadline) {
    static ConvenedSession of(JurySession session) {
      return new ConvenedSession(session.getId(), new ArrayList<>(session.memberIds()),
          Date.from(session.getOpinionDeadline().toInstant()));
    }
  }

  /**
   * Locks the call's row until the current transaction ends. Senders of a call's message take it
   * before they record and correlate; receivers before they read.
   */
  @Transactional
  public void lock(String callReference) {
    calls.lockByReference(callReference);
  }

  /** Locks the call (see {@link #lock}), then its jury session if one is convened (the latest). */
  @Transactional
  public Optional<ConvenedSession> convenedSession(String callReference) {
    return convenedSession(callReference, null);
  }

  /**
   * As {@link #convenedSession(String)}, for a dossier of {@code lotCode}: the latest session of the
   * whole call or of that lot (a call decided lot by lot convenes one session per lot: a dossier of
   * AMI 2 never joins AMI 1's).
   */
  @Transactional
  public Optional<ConvenedSession> convenedSession(String callReference, String lotCode) {
    lock(callReference);
    return sessions.findByCallReferenceOrderByIdDesc(callReference).stream()
        .filter(s -> lotCode == null || s.sitsFor(lotCode)).findFirst().map(ConvenedSession::of);
  }

  /** The message's payload for a session just recorded (the sender's side, same values as a late arrival gets). */
  public static ConvenedSession payload(JurySession session) {
    return ConvenedSession.of(session);
  }
}
