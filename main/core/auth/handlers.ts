import { defineHandlers } from '../handler';
import {
  changeOwnPassword,
  createFirstAdmin,
  createUser,
  listUserViews,
  lockSession,
  login,
  logout,
  meView,
  resetUserPassword,
  setUserDisabled,
  setupStatus,
  unlockSession,
  unlockUser,
  updateUserProfile,
} from './service';

export const authHandlers = defineHandlers({
  'setup.status': (_i, { app }) => setupStatus(app),
  'setup.createAdmin': (i, { app }) => createFirstAdmin(app, i),
  'auth.login': (i, { app }) => login(app, i),
  'auth.logout': (_i, ctx) => logout(ctx),
  'auth.me': (_i, ctx) => meView(ctx),
  'auth.lock': (_i, ctx) => lockSession(ctx),
  'auth.unlock': (i, ctx) => unlockSession(ctx, i.password),
  'auth.changePassword': (i, ctx) => changeOwnPassword(ctx, i.currentPassword, i.newPassword),
  'users.list': (_i, { app }) => listUserViews(app),
  'users.create': (i, ctx) => createUser(ctx, i),
  'users.update': (i, ctx) => updateUserProfile(ctx, i),
  'users.setDisabled': (i, ctx) => setUserDisabled(ctx, i.id, i.disabled),
  'users.resetPassword': (i, ctx) => resetUserPassword(ctx, i.id, i.newPassword),
  'users.unlock': (i, ctx) => unlockUser(ctx, i.id),
});
