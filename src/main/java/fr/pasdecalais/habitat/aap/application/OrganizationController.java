package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner accounts of an organisation: read by agents, granted and revoked by instructeurs
 * (and administrators). Partner accounts get 403.
 */
@RestController
@Tag(name = "Organisations", description = "Les comptes partenaires qui agissent pour une organisation")
public class OrganizationController {

  private final OrganizationMemberships memberships;

  public OrganizationController(OrganizationMemberships memberships) {
    this.memberships = memberships;
  }

  /** The account to link. */
  public record MemberRequest(String userId) {}

  @Operation(summary = "Lister les comptes partenaires d'une organisation",
      description = "Agents.")
  @ApiResponse(responseCode = "200", description = "Les membres")
  @ApiResponse(responseCode = "404", description = "Organisation inconnue")
  @GetMapping("/api/organizations/{siret}/members")
  @PreAuthorize("hasAnyRole('instructeurs', 'superviseurs', 'camunda-admin')")
  public List<OrganizationMemberships.MemberView> members(@Parameter(description = "SIRET de l'organisation (14 chiffres)") @PathVariable String siret) {
    return memberships.members(siret);
  }

  /** Links a partner account to the organisation: 201; 400, 404 or 409 problems in French. */
  @Operation(summary = "Rattacher un compte partenaire à une organisation",
      description = "Instructeurs. Le compte doit être dans le groupe porteurs ; une demande de rattachement en attente est réglée.")
  @ApiResponse(responseCode = "201", description = "Compte rattaché")
  @ApiResponse(responseCode = "404", description = "Organisation ou compte inconnu")
  @ApiResponse(responseCode = "409", description = "Déjà membre")
  @PostMapping("/api/organizations/{siret}/members")
  @PreAuthorize("hasAnyRole('instructeurs', 'camunda-admin')")
  public ResponseEntity<OrganizationMemberships.MemberView> grant(@Parameter(description = "SIRET de l'organisation") @PathVariable String siret,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Le compte partenaire (`userId`)") @RequestBody MemberRequest request) {
    OrganizationMemberships.MemberView member = memberships.grant(siret, request.userId(), Caller.current().userId());
    return ResponseEntity.created(URI.create("/api/organizations/" + siret + "/members/" + member.userId())).body(member);
  }

  /** Unlinks the account: 204; 404 when the organisation is unknown or the account not linked to it. */
  @Operation(summary = "Retirer un compte partenaire d'une organisation",
      description = "Instructeurs.")
  @ApiResponse(responseCode = "204", description = "Compte retiré")
  @ApiResponse(responseCode = "404", description = "Organisation ou membre inconnu")
  @DeleteMapping("/api/organizations/{siret}/members/{userId}")
  @PreAuthorize("hasAnyRole('instructeurs', 'camunda-admin')")
  public ResponseEntity<Void> revoke(@Parameter(description = "SIRET de l'organisation") @PathVariable String siret, @Parameter(description = "Identifiant du compte partenaire") @PathVariable String userId) {
    memberships.revoke(siret, userId);
    return ResponseEntity.noContent().build();
  }
}
