/**
 * Salesforce access-token providers: {@link io.revops.salesforce.auth.OAuthTokenProvider} running a
 * {@link io.revops.salesforce.auth.RefreshTokenFlow}, {@link io.revops.salesforce.auth.JwtBearerFlow} or
 * {@link io.revops.salesforce.auth.ClientCredentialsFlow}, and
 * {@link io.revops.salesforce.auth.CommandTokenProvider} for tokens kept in a secret store. Pass any of
 * them to {@link io.revops.salesforce.SalesforceClient.Builder#tokenProvider}. The username-password flow
 * is deliberately absent: Salesforce blocks it by default in new orgs and is retiring it.
 */
package io.revops.salesforce.auth;
