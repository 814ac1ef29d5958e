import { ApiProperty } from '@nestjs/swagger';
import {
  informationRecipients,
  informationRequestTopics,
  type InformationRecipient,
  type InformationRequestTopic,
} from '@redress/application';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
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
