import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INFORMATION_REQUEST_MAX_WORKING_DAYS,
  informationRecipients,
  informationRequestTopics,
  type InformationRecipient,
  type InformationRequestTopic,
} from '@redress/application';
import { IsCalendarDate } from '@redress/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { VersionBody } from './work.dto.js';

export class InformationRequestBody extends VersionBody {
  @ApiProperty({ enum: informationRecipients })
  @IsIn(informationRecipients)
  recipient: InformationRecipient;

  @ApiProperty({ enum: informationRequestTopics })
  @IsIn(informationRequestTopics)
  topic: InformationRequestTopic;

  @ApiProperty({ maxLength: 4000, example: 'Please send the letter from the fracture clinic.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  question: string;

  @ApiProperty({ minimum: 1, maximum: 60, example: 10, description: 'Working days (England and Wales) to reply.' })
  @IsInt()
  @Min(1)
  @Max(60)
  workingDays: number;
}

export class InformationRequestResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-12-11' }) dueOn: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'The claim’s status afterwards.' }) status: string;
}

export class NoteBody extends VersionBody {
  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  body: string;
}

export class CreatedWithVersionResponse {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
}

export class DueDateBody extends VersionBody {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: INFORMATION_REQUEST_MAX_WORKING_DAYS,
    example: 10,
    description: 'Working days (England and Wales) from today. Send this or dueOn, not both.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INFORMATION_REQUEST_MAX_WORKING_DAYS)
  workingDays?: number;

  @ApiPropertyOptional({
    example: '2026-12-18',
    description: `A working day after today, at most ${INFORMATION_REQUEST_MAX_WORKING_DAYS} working days away. Send this or workingDays.`,
  })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;

  @ApiProperty({ maxLength: 2000, example: 'The hospital asked for two more weeks.', description: 'Stored encrypted.' })
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class DueDateResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-12-11' }) previousDueOn: string;
  @ApiProperty({ example: '2026-12-18' }) dueOn: string;
  @ApiProperty() version: number;
}

export class ThirdPartyReplyBody extends VersionBody {
  @ApiProperty({
    maxLength: 4000,
    example: 'The fracture clinic confirmed the injury and the date of treatment.',
    description: 'What the police, GP or hospital said, in short (stored encrypted, like the question).',
  })
  @IsString()
  @MaxLength(4000)
  @Matches(/\S/, { message: 'summary must not be blank' })
  summary: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'Documents already on the claim that came with the reply.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  documentIds?: string[];
}

export class ThirdPartyReplyResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['answered'] }) status: string;
  @ApiProperty({ type: [String] }) documentIds: string[];
  @ApiProperty() version: number;
}

export class CancellationBody extends VersionBody {
  @ApiProperty({ maxLength: 2000, example: 'The GP letter arrived by post.', description: 'Stored encrypted.' })
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class CancellationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['cancelled'] }) status: string;
  @ApiProperty({
    description: 'The claim’s status afterwards (in assessment again after the applicant’s last request).',
  })
  claimStatus: string;
  @ApiProperty() version: number;
}
