import type { StaffActor } from '@redress/application';
import type { StaffPrincipal } from '../auth/index.js';

export const actorOf = (staff: StaffPrincipal): StaffActor => ({
  staffId: staff.staffId,
  roles: staff.roles,
  team: staff.team,
});
