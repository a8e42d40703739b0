import type { FormSpec } from '../engine/form.js';
import { exhibitForm } from './exhibit/form.js';
import { expertForm } from './expert/form.js';
import { ledgerForm } from './ledger/form.js';
import { teamNominationForm } from './team/form.js';
import { personNominationForm } from './individual/form.js';
import { personProjectForm } from './project-person/form.js';
import { unitProjectForm } from './project-unit/form.js';
import { householdSurveyForm } from './household/form.js';
import { villageSurveyForm } from './village/form.js';
import { teamPlanForm } from './teamplan/form.js';
import { worklogForm } from './worklog/form.js';

/** Every form the bot can fill, in the order help lists them. */
export const allForms: readonly FormSpec[] = [
  ledgerForm,
  worklogForm,
  expertForm,
  teamNominationForm,
  personNominationForm,
  villageSurveyForm,
  householdSurveyForm,
  teamPlanForm,
  unitProjectForm,
  personProjectForm,
  exhibitForm,
];

export const formById = (id: string): FormSpec | undefined => allForms.find((f) => f.id === id);
