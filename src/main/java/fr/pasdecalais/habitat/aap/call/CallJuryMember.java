package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A seat of the call's jury composition: an engine user and the body they represent. */
@Embeddable
public class CallJuryMember {

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;
  @Column(name = "full_name", nullable = false, length = 200)
  private String fullName;
  @Column(nullable = false, length = 200)
  private String body;

  protected CallJuryMember() {}

  public CallJuryMember(String userId, String fullName, String body) {
    this.userId = userId;
    this.fullName = fullName;
    this.body = body;
  }

  public String getUserId() {
    return userId;
  }

  public String getFullName() {
    return fullName;
  }

  public String getBody() {
    return body;
  }
}
