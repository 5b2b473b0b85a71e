package fr.pasdecalais.habitat.aap.identity.ldap;

import fr.pasdecalais.habitat.aap.identity.Groups;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Camunda's LDAP identity provider, seen through the {@link LdapGroupMapping}: the engine (its
 * authorizations, candidate groups, Tasklist filters, the webapps and our API) only ever deals in
 * product group ids, the directory only in its own group names.
 * <ul>
 *   <li>Group queries: the requested product ids become directory ids in the LDAP filter, which is
 *   always restricted to the mapped directory groups; the groups found come back under their
 *   product id (so {@code groupMember(user)} lists product ids).</li>
 *   <li>User queries by group ({@code memberOfGroup}): the plugin looks the group up through the
 *   group query above, hence by product id; an unknown group has no members.</li>
 * </ul>
 * Users, passwords (an LDAP bind as the user) and everything else are the plugin's.
 */
public class MappedLdapIdentityProviderSession extends LdapIdentityProviderSession {

  private static final String MATCHES_NOTHING = "(!(objectClass=*))";

  protected final LdapGroupMapping mapping;

  public MappedLdapIdentityProviderSession(LdapConfiguration ldapConfiguration, LdapGroupMapping mapping) {
    super(ldapConfiguration);
    this.mapping = mapping;
  }

  @Override
  public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
    if (directoryGroupIds(query).isEmpty()) {
      return new ArrayList<>();
    }
    return super.findGroupByQueryCriteria(query);
  }

  /** The plugin's filter, with the group ids translated and the search kept to the mapped groups. */
  @Override
  protected String getGroupSearchFilter(LdapGroupQuery query) {
    StringWriter search = new StringWriter();
    search.write("(&");
    search.write(ldapConfiguration.getGroupSearchFilter());
    search.write("(|");
    for (String directoryId : directoryGroupIds(query)) {
      addFilter(ldapConfiguration.getGroupIdAttribute(), escapeLDAPSearchFilter(directoryId), search);
    }
    search.write(")");
    if (query.getName() != null) {
      addFilter(ldapConfiguration.getGroupNameAttribute(), escapeLDAPSearchFilter(query.getName()), search);
    }
    if (query.getNameLike() != null) {
      // already turned into an LDAP wildcard by the plugin
      addFilter(ldapConfiguration.getGroupNameAttribute(), query.getNameLike(), search);
    }
    if (query.getUserId() != null) {
      String member = ldapConfiguration.isUsePosixGroups() ? query.getUserId() : getDnForUser(query.getUserId());
      if (member.isEmpty()) {
        // an unknown user is a member of nothing (the plugin would search for "member=")
        search.write(MATCHES_NOTHING);
      } else {
        addFilter(ldapConfiguration.getGroupMemberAttribute(), escapeLDAPSearchFilter(member), search);
      }
    }
    search.write(")");
    return search.toString();
  }

  /** The directory ids of the mapped groups that the query's {@code groupId}/{@code groupIdIn} allow. */
  protected Set<String> directoryGroupIds(LdapGroupQuery query) {
    Set<String> productIds = new LinkedHashSet<>(mapping.productGroups());
    if (query.getId() != null) {
      productIds.retainAll(Set.of(query.getId()));
    }
    if (query.getIds() != null) {
      productIds.retainAll(Arrays.asList(query.getIds()));
    }
    Set<String> directoryIds = new LinkedHashSet<>();
    productIds.forEach(id -> directoryIds.add(mapping.toDirectory(id)));
    return directoryIds;
  }

  /** A directory group under its product id (null for an unmapped one: the plugin then skips it). */
  @Override
  protected GroupEntity transformGroup(SearchResult result) {
    GroupEntity group = super.transformGroup(result);
    String productId = mapping.toProduct(group.getId());
    group.setId(productId);
    if (group.getName() == null) {
      group.setName(productId);
    }
    if (group.getType() == null && productId != null) {
      group.setType(Groups.ADMIN.equals(productId) ? org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM
          : org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
    }
    return group;
  }

  /** Members of a product group; none for a group that is not mapped or not in the directory. */
  @Override
  protected List<User> findUsersByGroupId(LdapUserQueryImpl query) {
    if (getDnForGroup(query.getGroupId()).isEmpty()) {
      return new ArrayList<>();
    }
    return super.findUsersByGroupId(query);
  }
}
