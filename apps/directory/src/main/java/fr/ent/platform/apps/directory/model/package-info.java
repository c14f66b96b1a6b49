/**
 * JPA mapping of the collectivity directory tables ({@code db/apps/directory/V1__directory.sql}). Entities name
 * their tables without a schema: the unit of work that {@link fr.ent.platform.apps.directory.DirectoryData} (the
 * platform's TenantData) opens for the current collectivity has its schema as search path (ADR 0002), never from here.
 * References between rows are plain id columns and join tables are entities of their own, queried with JPQL:
 * no lazy collection can load rows behind the service's back, and each query says what it reads.
 */
package fr.ent.platform.apps.directory.model;
