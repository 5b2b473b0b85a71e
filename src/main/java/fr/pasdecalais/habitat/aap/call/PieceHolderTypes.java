package fr.pasdecalais.habitat.aap.call;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which holder types a call's piece is asked of ({@code requiredDocuments[].holderTypes}): table
 * {@code call_required_document_holder_type} (V32), one row per (call, piece, type); a piece without
 * rows is asked of every holder. Read and written in SQL rather than mapped on
 * {@link RequiredDocument}: V32 runs after the engine's schema, after Hibernate validated the
 * mappings (see {@code config.FlywayAroundEngine}).
 */
@Component
public class PieceHolderTypes {

  private final JdbcTemplate jdbc;

  public PieceHolderTypes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the restrictions of a new call's pieces (the call is saved, it has an id). */
  @Transactional
  public void record(CallForProjects call, CallDefinition definition) {
    for (CallDefinition.RequiredDocument d : definition.requiredDocuments()) {
      for (String type : d.holderTypes()) {
        jdbc.update("insert into call_required_document_holder_type (call_id, document_code, holder_type) values (?, ?, ?)",
            call.getId(), d.code(), HolderType.of(type).orElseThrow().name());
      }
    }
  }

  /** Per piece code, the holder types it is asked of; a piece absent from the map is asked of every holder. */
  @Transactional(readOnly = true)
  public Map<String, Set<HolderType>> of(CallForProjects call) {
    Map<String, Set<HolderType>> types = new LinkedHashMap<>();
    jdbc.query("select document_code, holder_type from call_required_document_holder_type where call_id = ?",
        rs -> {
          types.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(HolderType.class))
              .add(HolderType.valueOf(rs.getString(2)));
        }, call.getId());
    return types;
  }

  /**
   * The pieces a holder of this type must (or may) give, in the call's order: those asked of every
   * holder and those asked of its type. A holder whose type is unknown (null: a dossier filed without
   * it) is asked every piece, so that nothing the call requires is left out.
   */
  @Transactional(readOnly = true)
  public List<RequiredDocument> applicable(CallForProjects call, HolderType holder) {
    Map<String, Set<HolderType>> types = of(call);
    List<RequiredDocument> pieces = new ArrayList<>();
    for (RequiredDocument d : call.getRequiredDocuments()) {
      Set<HolderType> only = types.get(d.getCode());
      if (only == null || holder == null || only.contains(holder)) {
        pieces.add(d);
      }
    }
    return pieces;
  }
}
