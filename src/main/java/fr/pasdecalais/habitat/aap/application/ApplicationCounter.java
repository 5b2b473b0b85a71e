package fr.pasdecalais.habitat.aap.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last dossier number of a call, locked while a new reference is drawn. */
@Entity
@Table(name = "application_counter")
public class ApplicationCounter {

  @Id
  @Column(name = "call_reference", length = 60)
  private String callReference;

  @Column(name = "last_number", nullable = false)
  private int lastNumber;

  protected ApplicationCounter() {}

  public ApplicationCounter(String callReference) {
    this.callReference = callReference;
  }

  int next() {
    return ++lastNumber;
  }
}
