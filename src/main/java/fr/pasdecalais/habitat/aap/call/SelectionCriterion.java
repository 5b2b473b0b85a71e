package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A selection criterion: weight (the weights of a call sum to 100) and the maximum score per member. */
@Embeddable
public class SelectionCriterion {

  @Column(nullable = false, length = 40)
  private String code;
  @Column(nullable = false, length = 300)
  private String label;
  @Column(nullable = false)
  private int weight;
  @Column(name = "max_score", nullable = false)
  private int maxScore;

  protected SelectionCriterion() {}

  public SelectionCriterion(String code, String label, int weight, int maxScore) {
    this.code = code;
    this.label = label;
    this.weight = weight;
    this.maxScore = maxScore;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public int getWeight() {
    return weight;
  }

  public int getMaxScore() {
    return maxScore;
  }
}
