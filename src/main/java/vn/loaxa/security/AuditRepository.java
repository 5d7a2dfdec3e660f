package vn.loaxa.security;

import org.springframework.data.repository.ListCrudRepository;

interface AuditRepository extends ListCrudRepository<AuditEntry, Long> {
}
