package fr.pasdecalais.habitat.aap.application;

import java.util.List;

/**
 * What a dossier's page shows of its jury opinions; implemented by the jury capability, which
 * depends on application and not the other way round (as {@code call.CandidateSource} keeps call
 * independent of application).
 */
public interface JuryOpinionSource {

  /** One line per expected member, in member order; empty before the jury is convened. */
  List<ApplicationReading.OpinionView> opinions(long applicationId);

  /** "2 avis sur 3": opinions given (abstentions included) out of opinions expected. */
  String progress(long applicationId);
}
