package vn.loaxa.security;

/**
 * Công chức VH-XH (OFFICER), lãnh đạo UBND (APPROVER), kỹ thuật viên (TECHNICIAN), quản trị (ADMIN).
 * A user may hold several.
 */
public enum Role {
	OFFICER, APPROVER, TECHNICIAN, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}
}
