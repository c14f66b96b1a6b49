/**
 * The admin API's wire contract ({@code /admin/api/v1}, docs/admin-api.md): request bodies and the views it
 * answers with, shared by tenant-manager (JSON-B) and its clients (the operator with Jackson, the local launcher and
 * the integration tests). A JSON property is a record component of the same name; absent properties read as
 * null. To add a property, add a component (readers on both sides ignore properties they do not know, so an older
 * client keeps working) and let the compact constructor give it its default when absent.
 */
package fr.ent.platform.adminapi;
