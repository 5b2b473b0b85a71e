package fr.pasdecalais.habitat.aap.payment.process;

/** Key and variables of {@code payment-collection.bpmn} ("Enregistrer un encaissement sur un titre de recette"). */
public final class PaymentCollectionProcess {

  public static final String KEY = "payment-collection";

  public static final String VAR_RECOVERY_ORDER_NUMBER = "recoveryOrderNumber";
  public static final String VAR_COLLECTION_AMOUNT = "collectionAmount";
  public static final String VAR_COLLECTED_ON = "collectedOn";
  public static final String VAR_COLLECTION_REFERENCE = "collectionReference";

  private PaymentCollectionProcess() {}
}
