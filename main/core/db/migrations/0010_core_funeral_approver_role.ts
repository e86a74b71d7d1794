import type { Migration } from '../migrate';

// Eco-burial subsidies go 申请 → 街道初审 → 区民政审批 → 发放, each step by its own role: the street
// office's 殡葬审核员 reviews, the district bureau's 殡葬审批员 approves and pays. The role list is a
// CHECK in user_roles, which SQLite cannot alter: the small table is rebuilt with its rows.
export const m0010: Migration = {
  version: 10,
  name: 'core_funeral_approver_role',
  up(db) {
    db.exec(`
      CREATE TABLE user_roles_new (
        user_id INTEGER NOT NULL REFERENCES users(id),
        role TEXT NOT NULL CHECK (role IN ('marriageClerk','marriageSupervisor','cemeteryManager',
          'funeralReviewer','funeralApprover','placeNameOfficer','placeNameApprover','administrator','auditor')),
        PRIMARY KEY (user_id, role)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO user_roles_new (user_id, role) SELECT user_id, role FROM user_roles;
      DROP TABLE user_roles;
      ALTER TABLE user_roles_new RENAME TO user_roles;
    `);
  },
};
