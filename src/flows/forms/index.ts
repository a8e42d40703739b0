import type { FormSpec } from '../form.js';
import { exhibitForm } from './exhibit.js';
import { expertForm } from './expert.js';
import { ledgerForm } from './ledger.js';
import { teamNominationForm } from './nomination-team.js';
import { personNominationForm } from './nomination-person.js';
import { personProjectForm } from './project-person.js';
import { unitProjectForm } from './project-unit.js';
import { householdSurveyForm } from './survey-household.js';
import { villageSurveyForm } from './survey-village.js';
import { teamPlanForm } from './team-plan.js';
import { worklogForm } from './worklog.js';

/** Every form the bot can fill, in the order help lists them. */
export const allForms: readonly FormSpec[] = [
  ledgerForm, worklogForm, expertForm, teamNominationForm, personNominationForm, villageSurveyForm, householdSurveyForm,
  teamPlanForm, unitProjectForm, personProjectForm, exhibitForm,
];

export const formById = (id: string): FormSpec | undefined => allForms.find((f) => f.id === id);
