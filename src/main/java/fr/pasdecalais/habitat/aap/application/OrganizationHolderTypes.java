package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.call.HolderType;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holder type an organisation declared with its latest dossier (table
 * {@code organization_holder_type}, V32; none: unknown). Read and written in SQL rather than mapped
 * on {@link Organization}: V32 runs after the engine's schema, after Hibernate validated the mappings
 * (see {@code config.FlywayAroundEngine}).
 */
@Component
public class OrganizationHolderTypes {

  private final JdbcTemplate jdbc;

  public OrganizationHolderTypes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the declared type (the latest dossier's wins); nothing when the dossier did not state one. */
  @Transactional
  public void declare(Organization organization, String holderTypeCode) {
    Optional<HolderType> type = HolderType.of(holderTypeCode);
    if (type.isEmpty()) {
      return;
    }
    int updated = jdbc.update("update organization_holder_type set holder_type = ? where organization_id = ?",
        type.get().name(), organization.getId());
    if (updated == 0) {
      jdbc.update("insert into organization_holder_type (organization_id, holder_type) values (?, ?)",
          organization.getId(), type.get().name());
    }
  }

  @Transactional(readOnly = true)
  public Optional<HolderType> of(Organization organization) {
    List<String> codes = jdbc.queryForList("select holder_type from organization_holder_type where organization_id = ?",
        String.class, organization.getId());
    return codes.isEmpty() ? Optional.empty() : HolderType.of(codes.get(0));
  }
}
